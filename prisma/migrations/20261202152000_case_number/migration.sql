-- Case number (issue 17): a short number per case. Existing cases are numbered in the order they were written
-- (SERIAL alone would follow physical row order), and new cases continue from the highest.
ALTER TABLE "Case" ADD COLUMN "number" SERIAL NOT NULL;

UPDATE "Case" AS c
SET "number" = ordered.n
FROM (SELECT "id", row_number() OVER (ORDER BY "createdAt", "id") AS n FROM "Case") AS ordered
WHERE c."id" = ordered."id";

SELECT setval(pg_get_serial_sequence('"Case"', 'number'), COALESCE((SELECT MAX("number") FROM "Case"), 0) + 1, false);

-- CreateIndex
CREATE UNIQUE INDEX "Case_number_key" ON "Case"("number");
