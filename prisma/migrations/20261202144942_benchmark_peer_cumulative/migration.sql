-- CreateTable
CREATE TABLE "BenchmarkPeerCumulative" (
    "period" TEXT NOT NULL,
    "hospitalId" TEXT NOT NULL,
    "months" INTEGER NOT NULL,
    "reports" INTEGER NOT NULL,
    "physicianReports" INTEGER NOT NULL,
    "harmReports" INTEGER NOT NULL,
    "medicationReports" INTEGER NOT NULL,
    "falls" INTEGER NOT NULL,
    "injuriousFalls" INTEGER NOT NULL,
    "patientDays" INTEGER NOT NULL,
    "bedDays" INTEGER NOT NULL,

    CONSTRAINT "BenchmarkPeerCumulative_pkey" PRIMARY KEY ("period","hospitalId")
);

-- AddForeignKey
ALTER TABLE "BenchmarkPeerCumulative" ADD CONSTRAINT "BenchmarkPeerCumulative_period_fkey" FOREIGN KEY ("period") REFERENCES "BenchmarkClose"("period") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill for months closed before this table existed: for each closed month, every hospital's sums over the
-- closed months up to it (from then on closes.server.ts keeps the table at each close).
INSERT INTO "BenchmarkPeerCumulative" ("period", "hospitalId", "months", "reports", "physicianReports", "harmReports", "medicationReports", "falls", "injuriousFalls", "patientDays", "bedDays")
SELECT c."period", f."hospitalId", count(*)::int, sum(f."reports")::int, sum(f."physicianReports")::int, sum(f."harmReports")::int,
       sum(f."medicationReports")::int, sum(f."falls")::int, sum(f."injuriousFalls")::int, sum(f."patientDays")::int, sum(f."bedDays")::int
FROM "BenchmarkClose" c
JOIN "BenchmarkPeerClose" f ON f."period" <= c."period"
GROUP BY c."period", f."hospitalId";
