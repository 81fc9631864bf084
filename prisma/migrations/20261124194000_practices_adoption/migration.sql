-- CreateEnum
CREATE TYPE "PracticeTheme" AS ENUM ('MEDICATION', 'TRANSFUSION', 'TREATMENT', 'DEVICE', 'DRAIN_TUBE', 'TEST', 'CARE', 'REPORTING_CULTURE', 'SAFETY_CULTURE', 'STANDARDISATION', 'EDUCATION', 'PATIENT_ENGAGEMENT', 'INTERPROFESSIONAL', 'OTHER');

-- CreateEnum
CREATE TYPE "PracticeStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "AdoptionStatus" AS ENUM ('CONSIDERING', 'TRIAL', 'ADOPTED', 'DISCONTINUED');

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "practiceId" TEXT;

-- AlterTable
ALTER TABLE "Reaction" ADD COLUMN     "practiceId" TEXT;

-- AlterTable
ALTER TABLE "Bookmark" ADD COLUMN     "practiceId" TEXT;

-- AlterTable
ALTER TABLE "Follow" ADD COLUMN     "practiceId" TEXT;

-- CreateTable
CREATE TABLE "Practice" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "whatWasDone" JSONB NOT NULL,
    "steps" JSONB NOT NULL,
    "resources" TEXT NOT NULL DEFAULT '',
    "pitfalls" TEXT NOT NULL DEFAULT '',
    "theme" "PracticeTheme" NOT NULL,
    "tags" TEXT[],
    "status" "PracticeStatus" NOT NULL DEFAULT 'DRAFT',
    "authorId" TEXT NOT NULL,
    "hospitalId" TEXT,
    "hospitalName" TEXT,
    "publishedAt" TIMESTAMP(3),
    "hiddenAt" TIMESTAMP(3),
    "hiddenReason" TEXT,
    "hiddenById" TEXT,
    "commentCount" INTEGER NOT NULL DEFAULT 0,
    "lastCommentAt" TIMESTAMP(3),
    "adoptionCount" INTEGER NOT NULL DEFAULT 0,
    "seedKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Practice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeResult" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "before" TEXT NOT NULL,
    "after" TEXT NOT NULL,
    "unit" TEXT NOT NULL DEFAULT '',
    "period" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PracticeResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeAttachment" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PracticeAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeCase" (
    "practiceId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,

    CONSTRAINT "PracticeCase_pkey" PRIMARY KEY ("practiceId","caseId")
);

-- CreateTable
CREATE TABLE "Adoption" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "hospitalId" TEXT NOT NULL,
    "recordedById" TEXT,
    "status" "AdoptionStatus" NOT NULL,
    "resultBefore" TEXT,
    "resultAfter" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Adoption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdoptionStatusChange" (
    "id" TEXT NOT NULL,
    "adoptionId" TEXT NOT NULL,
    "status" "AdoptionStatus" NOT NULL,
    "changedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdoptionStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Practice_seedKey_key" ON "Practice"("seedKey");

-- CreateIndex
CREATE INDEX "Practice_status_hiddenAt_publishedAt_idx" ON "Practice"("status", "hiddenAt", "publishedAt");

-- CreateIndex
CREATE INDEX "Practice_authorId_idx" ON "Practice"("authorId");

-- CreateIndex
CREATE INDEX "Practice_theme_idx" ON "Practice"("theme");

-- CreateIndex
CREATE INDEX "Practice_tags_idx" ON "Practice" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "PracticeResult_practiceId_idx" ON "PracticeResult"("practiceId");

-- CreateIndex
CREATE UNIQUE INDEX "PracticeAttachment_fileId_key" ON "PracticeAttachment"("fileId");

-- CreateIndex
CREATE INDEX "PracticeAttachment_practiceId_idx" ON "PracticeAttachment"("practiceId");

-- CreateIndex
CREATE INDEX "PracticeCase_caseId_idx" ON "PracticeCase"("caseId");

-- CreateIndex
CREATE INDEX "Adoption_hospitalId_idx" ON "Adoption"("hospitalId");

-- CreateIndex
CREATE UNIQUE INDEX "Adoption_practiceId_hospitalId_key" ON "Adoption"("practiceId", "hospitalId");

-- CreateIndex
CREATE INDEX "AdoptionStatusChange_adoptionId_createdAt_idx" ON "AdoptionStatusChange"("adoptionId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_practiceId_createdAt_idx" ON "Comment"("practiceId", "createdAt");

-- CreateIndex
CREATE INDEX "Reaction_practiceId_idx" ON "Reaction"("practiceId");

-- CreateIndex
CREATE UNIQUE INDEX "Reaction_userId_practiceId_key" ON "Reaction"("userId", "practiceId");

-- CreateIndex
CREATE INDEX "Bookmark_practiceId_idx" ON "Bookmark"("practiceId");

-- CreateIndex
CREATE UNIQUE INDEX "Bookmark_userId_practiceId_key" ON "Bookmark"("userId", "practiceId");

-- CreateIndex
CREATE INDEX "Follow_practiceId_idx" ON "Follow"("practiceId");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_userId_practiceId_key" ON "Follow"("userId", "practiceId");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reaction" ADD CONSTRAINT "Reaction_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bookmark" ADD CONSTRAINT "Bookmark_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeResult" ADD CONSTRAINT "PracticeResult_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeAttachment" ADD CONSTRAINT "PracticeAttachment_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeAttachment" ADD CONSTRAINT "PracticeAttachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeCase" ADD CONSTRAINT "PracticeCase_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeCase" ADD CONSTRAINT "PracticeCase_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adoption" ADD CONSTRAINT "Adoption_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adoption" ADD CONSTRAINT "Adoption_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adoption" ADD CONSTRAINT "Adoption_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdoptionStatusChange" ADD CONSTRAINT "AdoptionStatusChange_adoptionId_fkey" FOREIGN KEY ("adoptionId") REFERENCES "Adoption"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdoptionStatusChange" ADD CONSTRAINT "AdoptionStatusChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A discussion row belongs to exactly one subject: a case or a practice.
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_one_subject" CHECK (num_nonnulls("caseId", "practiceId") = 1);
ALTER TABLE "Reaction" ADD CONSTRAINT "Reaction_one_subject" CHECK (num_nonnulls("caseId", "practiceId") = 1);
ALTER TABLE "Bookmark" ADD CONSTRAINT "Bookmark_one_subject" CHECK (num_nonnulls("caseId", "practiceId") = 1);
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_one_subject" CHECK (num_nonnulls("caseId", "practiceId") = 1);
