/** Ids of questions and tasks: short, lower-case, used as keys in saved progress. */
export const ITEM_ID = /^[a-z][a-z0-9-]{0,31}$/;
