-- CreateEnum
CREATE TYPE "ConsultationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_PROGRESS', 'ANSWERED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ConsultationUrgency" AS ENUM ('EMERGENCY', 'URGENT', 'ROUTINE');

-- CreateEnum
CREATE TYPE "ConsultationOutcome" AS ENUM ('ALIVE', 'DEATH', 'STILLBIRTH');

-- CreateTable
CREATE TABLE "Consultation" (
    "id" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "hospitalId" TEXT,
    "status" "ConsultationStatus" NOT NULL DEFAULT 'DRAFT',
    "urgency" "ConsultationUrgency",
    "decisionPending" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "jqCategory" TEXT,
    "impactLevel" TEXT,
    "outcome" "ConsultationOutcome",
    "unanticipated" TEXT,
    "riskExplained" TEXT,
    "centreReport" TEXT,
    "jqReport" TEXT,
    "policeReport" TEXT,
    "familyInformed" TEXT,
    "familyConcerns" TEXT NOT NULL DEFAULT '',
    "autopsy" TEXT,
    "evidencePreserved" TEXT,
    "staffSupport" TEXT NOT NULL DEFAULT '',
    "mediaAttention" TEXT,
    "legalInvolvement" TEXT,
    "expertiseWanted" TEXT NOT NULL DEFAULT '',
    "contactName" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "contactNote" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3),
    "firstResponseAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationAssignment" (
    "consultationId" TEXT NOT NULL,
    "consultantId" TEXT NOT NULL,
    "assignedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationAssignment_pkey" PRIMARY KEY ("consultationId","consultantId")
);

-- CreateTable
CREATE TABLE "ConsultationMessage" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationOnCall" (
    "userId" TEXT NOT NULL,
    "setById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationOnCall_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ConsultationAttachment" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Consultation_requesterId_updatedAt_idx" ON "Consultation"("requesterId", "updatedAt");

-- CreateIndex
CREATE INDEX "Consultation_status_urgency_submittedAt_idx" ON "Consultation"("status", "urgency", "submittedAt");

-- CreateIndex
CREATE INDEX "Consultation_submittedAt_idx" ON "Consultation"("submittedAt");

-- CreateIndex
CREATE INDEX "ConsultationAssignment_consultantId_idx" ON "ConsultationAssignment"("consultantId");

-- CreateIndex
CREATE INDEX "ConsultationMessage_consultationId_createdAt_idx" ON "ConsultationMessage"("consultationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationAttachment_fileId_key" ON "ConsultationAttachment"("fileId");

-- CreateIndex
CREATE INDEX "ConsultationAttachment_messageId_idx" ON "ConsultationAttachment"("messageId");

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationAssignment" ADD CONSTRAINT "ConsultationAssignment_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationAssignment" ADD CONSTRAINT "ConsultationAssignment_consultantId_fkey" FOREIGN KEY ("consultantId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationAssignment" ADD CONSTRAINT "ConsultationAssignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationMessage" ADD CONSTRAINT "ConsultationMessage_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationMessage" ADD CONSTRAINT "ConsultationMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationOnCall" ADD CONSTRAINT "ConsultationOnCall_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationAttachment" ADD CONSTRAINT "ConsultationAttachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "ConsultationMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationAttachment" ADD CONSTRAINT "ConsultationAttachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;
