-- CreateTable
CREATE TABLE "BenchmarkClose" (
    "period" TEXT NOT NULL,
    "closedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedById" TEXT,
    "hospitals" INTEGER NOT NULL,

    CONSTRAINT "BenchmarkClose_pkey" PRIMARY KEY ("period")
);

-- CreateTable
CREATE TABLE "BenchmarkPeerClose" (
    "period" TEXT NOT NULL,
    "hospitalId" TEXT NOT NULL,
    "reports" INTEGER NOT NULL,
    "physicianReports" INTEGER NOT NULL,
    "harmReports" INTEGER NOT NULL,
    "medicationReports" INTEGER NOT NULL,
    "falls" INTEGER NOT NULL,
    "injuriousFalls" INTEGER NOT NULL,
    "patientDays" INTEGER NOT NULL,
    "bedDays" INTEGER NOT NULL,

    CONSTRAINT "BenchmarkPeerClose_pkey" PRIMARY KEY ("period","hospitalId")
);

-- CreateIndex
CREATE INDEX "BenchmarkPeerClose_hospitalId_idx" ON "BenchmarkPeerClose"("hospitalId");

-- AddForeignKey
ALTER TABLE "BenchmarkPeerClose" ADD CONSTRAINT "BenchmarkPeerClose_period_fkey" FOREIGN KEY ("period") REFERENCES "BenchmarkClose"("period") ON DELETE CASCADE ON UPDATE CASCADE;
