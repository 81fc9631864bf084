-- Experience bands without overlapping edges (issue 16): the codes are renamed in place, so every stored value
-- keeps its band and now reads 1年以上3年未満 / 3年以上5年未満 / 5年以上10年未満.
ALTER TYPE "ExperienceBand" RENAME VALUE 'Y1_3' TO 'Y1_UNDER_3';
ALTER TYPE "ExperienceBand" RENAME VALUE 'Y3_5' TO 'Y3_UNDER_5';
ALTER TYPE "ExperienceBand" RENAME VALUE 'Y5_10' TO 'Y5_UNDER_10';

-- CreateEnum
CREATE TYPE "CountermeasureDimension" AS ENUM ('EDUCATION', 'ENGINEERING', 'ENFORCEMENT', 'EXAMPLE');

-- AlterTable
ALTER TABLE "Countermeasure" ADD COLUMN "dimension" "CountermeasureDimension";

-- AlterTable: 報告義務対象医療機関, unknown until a member answers or an admin sets it.
ALTER TABLE "Hospital" ADD COLUMN "jqReportObliged" BOOLEAN;

-- AlterTable: the one-line subject of a consultation. Requests sent before it get the first line of their
-- 判断が必要な事項 (at most 120 characters), so the desk shows something for them too.
ALTER TABLE "Consultation" ADD COLUMN "subject" TEXT NOT NULL DEFAULT '';
UPDATE "Consultation" SET "subject" = left(btrim(split_part("decisionPending", E'\n', 1)), 120) WHERE "subject" = '';
