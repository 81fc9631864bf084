-- CreateTable
CREATE TABLE "EventCase" (
    "eventId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventCase_pkey" PRIMARY KEY ("eventId","caseId")
);

-- CreateIndex
CREATE INDEX "EventCase_caseId_idx" ON "EventCase"("caseId");

-- AddForeignKey
ALTER TABLE "EventCase" ADD CONSTRAINT "EventCase_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventCase" ADD CONSTRAINT "EventCase_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
