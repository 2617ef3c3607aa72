import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

/** Sortable, unguessable record ids. */
export const newId = (): string => nextUlid();
