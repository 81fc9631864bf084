-- CreateTable
CREATE TABLE "BenchmarkSubmission" (
    "id" TEXT NOT NULL,
    "hospitalId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "beds" INTEGER NOT NULL,
    "patientDays" INTEGER NOT NULL,
    "reportsTotal" INTEGER NOT NULL,
    "level0" INTEGER NOT NULL,
    "level1" INTEGER NOT NULL,
    "level2" INTEGER NOT NULL,
    "level3a" INTEGER NOT NULL,
    "level3b" INTEGER NOT NULL,
    "level4a" INTEGER NOT NULL,
    "level4b" INTEGER NOT NULL,
    "level5" INTEGER NOT NULL,
    "levelOther" INTEGER NOT NULL,
    "byPhysician" INTEGER NOT NULL,
    "byNurse" INTEGER NOT NULL,
    "byPharmacist" INTEGER NOT NULL,
    "byCe" INTEGER NOT NULL,
    "byRadiology" INTEGER NOT NULL,
    "byLab" INTEGER NOT NULL,
    "byOther" INTEGER NOT NULL,
    "catMedication" INTEGER NOT NULL,
    "catTransfusion" INTEGER NOT NULL,
    "catTreatment" INTEGER NOT NULL,
    "catDevice" INTEGER NOT NULL,
    "catDrainTube" INTEGER NOT NULL,
    "catTest" INTEGER NOT NULL,
    "catCare" INTEGER NOT NULL,
    "catOther" INTEGER NOT NULL,
    "falls" INTEGER NOT NULL,
    "fallsInjury" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BenchmarkSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenchmarkRevision" (
    "id" BIGSERIAL NOT NULL,
    "submissionId" TEXT NOT NULL,
    "changedById" TEXT,
    "source" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BenchmarkRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BenchmarkSubmission_period_idx" ON "BenchmarkSubmission"("period");

-- CreateIndex
CREATE UNIQUE INDEX "BenchmarkSubmission_hospitalId_period_key" ON "BenchmarkSubmission"("hospitalId", "period");

-- CreateIndex
CREATE INDEX "BenchmarkRevision_submissionId_createdAt_idx" ON "BenchmarkRevision"("submissionId", "createdAt");

-- AddForeignKey
ALTER TABLE "BenchmarkSubmission" ADD CONSTRAINT "BenchmarkSubmission_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkRevision" ADD CONSTRAINT "BenchmarkRevision_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "BenchmarkSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkRevision" ADD CONSTRAINT "BenchmarkRevision_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
