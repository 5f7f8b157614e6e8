/**
 * The database's name, apart from lib/store/db.ts so code that must stay small (the popup's
 * early read, lib/store/first-screen-read.ts) can name the database without loading Dexie.
 */

/** The database name in the extension origin. */
export const DB_NAME = 'sourcemark';
