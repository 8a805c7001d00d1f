import { type Kysely, sql } from 'kysely';

// GENERATED from the registry kind definitions (src/registry/index-sql.ts): committed, never synced.
// The test registry-indexes.int.test.ts fails when the definitions ask for other indexes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE INDEX registry_idx_equipment_model_manufacturer ON registry_records ((data->>'manufacturer')) WHERE kind = 'equipment_model';
CREATE INDEX registry_idx_equipment_model_category ON registry_records ((data->>'category')) WHERE kind = 'equipment_model';
CREATE INDEX registry_idx_equipment_model_technology ON registry_records ((data->>'technology')) WHERE kind = 'equipment_model';
CREATE INDEX registry_idx_equipment_model_deployment ON registry_records ((data->>'deployment')) WHERE kind = 'equipment_model';
CREATE INDEX registry_idx_equipment_item_category ON registry_records ((data->>'category')) WHERE kind = 'equipment_item';
CREATE INDEX registry_idx_equipment_item_country ON registry_records ((data->>'country')) WHERE kind = 'equipment_item';
CREATE INDEX registry_idx_equipment_item_satisfaction ON registry_records ((data->>'satisfaction')) WHERE kind = 'equipment_item';
CREATE INDEX registry_idx_equipment_item_maintenance ON registry_records ((data->>'maintenance')) WHERE kind = 'equipment_item';
CREATE INDEX registry_idx_equipment_item_model ON registry_records ((data->>'model')) WHERE kind = 'equipment_item';
CREATE INDEX registry_idx_requirement_set_category ON registry_records ((data->>'category')) WHERE kind = 'requirement_set';
CREATE INDEX registry_idx_requirement_set_technology ON registry_records ((data->>'technology')) WHERE kind = 'requirement_set';
CREATE INDEX registry_idx_tender_category ON registry_records ((data->>'category')) WHERE kind = 'tender';
CREATE INDEX registry_idx_tender_procedure_type ON registry_records ((data->>'procedure_type')) WHERE kind = 'tender';
CREATE INDEX registry_idx_tender_status ON registry_records ((data->>'status')) WHERE kind = 'tender';
CREATE INDEX registry_idx_field_test_category ON registry_records ((data->>'category')) WHERE kind = 'field_test';
CREATE INDEX registry_idx_field_test_outcome ON registry_records ((data->>'outcome')) WHERE kind = 'field_test';
CREATE INDEX registry_idx_field_test_model ON registry_records ((data->>'model')) WHERE kind = 'field_test';
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Generated index migrations are not reverted; generate a new one.');
}
