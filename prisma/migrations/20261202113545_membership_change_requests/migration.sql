-- CreateEnum
CREATE TYPE "MembershipChangeStatus" AS ENUM ('PENDING', 'APPROVED', 'REFUSED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "MembershipChangeRequest" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "fromHospitalId" TEXT,
    "fromCourse" "Course",
    "fromCohort" INTEGER,
    "toHospitalId" TEXT,
    "toCourse" "Course",
    "toCohort" INTEGER,
    "reason" TEXT NOT NULL,
    "status" "MembershipChangeStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MembershipChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MembershipChangeRequest_status_createdAt_idx" ON "MembershipChangeRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "MembershipChangeRequest_userId_status_idx" ON "MembershipChangeRequest"("userId", "status");

-- AddForeignKey
ALTER TABLE "MembershipChangeRequest" ADD CONSTRAINT "MembershipChangeRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipChangeRequest" ADD CONSTRAINT "MembershipChangeRequest_fromHospitalId_fkey" FOREIGN KEY ("fromHospitalId") REFERENCES "Hospital"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipChangeRequest" ADD CONSTRAINT "MembershipChangeRequest_toHospitalId_fkey" FOREIGN KEY ("toHospitalId") REFERENCES "Hospital"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipChangeRequest" ADD CONSTRAINT "MembershipChangeRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
