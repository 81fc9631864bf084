-- CreateTable
CREATE TABLE "RescanRun" (
    "id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "requestedById" TEXT,
    "phase" TEXT NOT NULL DEFAULT 'case',
    "cursor" TEXT,
    "totalItems" INTEGER NOT NULL,
    "scannedCases" INTEGER NOT NULL DEFAULT 0,
    "scannedPractices" INTEGER NOT NULL DEFAULT 0,
    "scannedComments" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "RescanRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RescanFinding" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "findings" JSONB NOT NULL,

    CONSTRAINT "RescanFinding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RescanRun_startedAt_idx" ON "RescanRun"("startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RescanFinding_runId_kind_itemId_key" ON "RescanFinding"("runId", "kind", "itemId");

-- AddForeignKey
ALTER TABLE "RescanFinding" ADD CONSTRAINT "RescanFinding_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RescanRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
