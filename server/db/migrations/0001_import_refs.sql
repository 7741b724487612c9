ALTER TABLE "organizations" ALTER COLUMN "region_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "ref" text;--> statement-breakpoint
ALTER TABLE "experts" ADD COLUMN "organization_name" text;--> statement-breakpoint
ALTER TABLE "demands" ADD COLUMN "organization_name" text;--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_ref_uq" ON "organizations" USING btree ("ref");