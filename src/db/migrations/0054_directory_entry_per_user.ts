import { type Kysely, sql } from 'kysely';

// The directory as a policy of the one shape (src/access/directory-policy.ts): every person has
// exactly one directory entry, so the directory's list and export read `directory_entries`
// through the policy's readable filter. Existing users get an empty entry (nothing shown); a
// trigger gives each new user theirs, whichever path creates the user (administration, import,
// sign-in provisioning, the bootstrap command).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`INSERT INTO directory_entries (user_id) SELECT id FROM users ON CONFLICT (user_id) DO NOTHING`.execute(
    db,
  );
  await sql`
CREATE FUNCTION users_directory_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO directory_entries (user_id) VALUES (NEW.id) ON CONFLICT (user_id) DO NOTHING;
  RETURN NEW;
END $$`.execute(db);
  await sql`
CREATE TRIGGER users_directory_entry AFTER INSERT ON users
  FOR EACH ROW EXECUTE FUNCTION users_directory_entry()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
