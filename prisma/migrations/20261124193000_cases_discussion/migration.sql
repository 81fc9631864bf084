-- CreateEnum
CREATE TYPE "ImpactLevel" AS ENUM ('LEVEL_0', 'LEVEL_1', 'LEVEL_2', 'LEVEL_3A', 'LEVEL_3B', 'LEVEL_4A', 'LEVEL_4B', 'LEVEL_5', 'OTHER');

-- CreateEnum
CREATE TYPE "JqCategory" AS ENUM ('MEDICATION', 'TRANSFUSION', 'TREATMENT', 'DEVICE', 'DRAIN_TUBE', 'TEST', 'CARE', 'OTHER');

-- CreateEnum
CREATE TYPE "CasePlace" AS ENUM ('WARD', 'OUTPATIENT', 'OPERATING_ROOM', 'ICU_HCU', 'EMERGENCY', 'LABORATORY', 'PHARMACY', 'OTHER');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "ExperienceBand" AS ENUM ('UNDER_1', 'Y1_3', 'Y3_5', 'Y5_10', 'Y10_PLUS', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "FactorFramework" AS ENUM ('SHELL', 'P_MSHELL', 'FOUR_M');

-- CreateEnum
CREATE TYPE "CountermeasureStrength" AS ENUM ('STRONG', 'MODERATE', 'WEAK');

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "impactLevel" "ImpactLevel" NOT NULL,
    "jqCategory" "JqCategory" NOT NULL,
    "place" "CasePlace" NOT NULL,
    "occurredYear" INTEGER NOT NULL,
    "occurredMonth" INTEGER NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'DRAFT',
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "authorId" TEXT NOT NULL,
    "hospitalId" TEXT,
    "hospitalName" TEXT,
    "chronology" JSONB NOT NULL,
    "discovery" JSONB NOT NULL,
    "analysis" JSONB NOT NULL,
    "countermeasuresText" JSONB NOT NULL,
    "lessons" JSONB NOT NULL,
    "tags" TEXT[],
    "publishedAt" TIMESTAMP(3),
    "hiddenAt" TIMESTAMP(3),
    "hiddenReason" TEXT,
    "hiddenById" TEXT,
    "reviewedAtMeeting" DATE,
    "commentCount" INTEGER NOT NULL DEFAULT 0,
    "lastCommentAt" TIMESTAMP(3),
    "importKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseProfession" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "profession" "Profession" NOT NULL,
    "experience" "ExperienceBand" NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CaseProfession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContributingFactor" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "framework" "FactorFramework" NOT NULL,
    "element" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ContributingFactor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Countermeasure" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "strength" "CountermeasureStrength" NOT NULL,
    "responsibleRole" TEXT NOT NULL,
    "dueMonth" TEXT,
    "effectMeasure" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Countermeasure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "caseId" TEXT,
    "parentId" TEXT,
    "authorId" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "hiddenAt" TIMESTAMP(3),
    "hiddenReason" TEXT,
    "hiddenById" TEXT,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reaction" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "caseId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bookmark" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "caseId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Bookmark_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Follow" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "caseId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Case_importKey_key" ON "Case"("importKey");

-- CreateIndex
CREATE INDEX "Case_status_hiddenAt_publishedAt_idx" ON "Case"("status", "hiddenAt", "publishedAt");

-- CreateIndex
CREATE INDEX "Case_authorId_idx" ON "Case"("authorId");

-- CreateIndex
CREATE INDEX "Case_jqCategory_idx" ON "Case"("jqCategory");

-- CreateIndex
CREATE INDEX "Case_impactLevel_idx" ON "Case"("impactLevel");

-- CreateIndex
CREATE INDEX "Case_tags_idx" ON "Case" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "CaseProfession_caseId_idx" ON "CaseProfession"("caseId");

-- CreateIndex
CREATE INDEX "ContributingFactor_caseId_idx" ON "ContributingFactor"("caseId");

-- CreateIndex
CREATE INDEX "Countermeasure_caseId_idx" ON "Countermeasure"("caseId");

-- CreateIndex
CREATE INDEX "Comment_caseId_createdAt_idx" ON "Comment"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_parentId_idx" ON "Comment"("parentId");

-- CreateIndex
CREATE INDEX "Comment_authorId_idx" ON "Comment"("authorId");

-- CreateIndex
CREATE INDEX "Reaction_caseId_idx" ON "Reaction"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Reaction_userId_caseId_key" ON "Reaction"("userId", "caseId");

-- CreateIndex
CREATE INDEX "Bookmark_caseId_idx" ON "Bookmark"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Bookmark_userId_caseId_key" ON "Bookmark"("userId", "caseId");

-- CreateIndex
CREATE INDEX "Follow_caseId_idx" ON "Follow"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_userId_caseId_key" ON "Follow"("userId", "caseId");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseProfession" ADD CONSTRAINT "CaseProfession_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributingFactor" ADD CONSTRAINT "ContributingFactor_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Countermeasure" ADD CONSTRAINT "Countermeasure_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reaction" ADD CONSTRAINT "Reaction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reaction" ADD CONSTRAINT "Reaction_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bookmark" ADD CONSTRAINT "Bookmark_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bookmark" ADD CONSTRAINT "Bookmark_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
