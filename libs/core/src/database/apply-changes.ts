/**
 * Copies the fields a partial update names onto the entity. A DTO instance declares every field
 * (undefined when absent); a plain Object.assign would blank the fields the request left out in
 * the entity in memory, so the answer and the audit record showed null for values still stored.
 */
export function applyChanges<T extends object>(entity: T, changes: Partial<T>): T {
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) (entity as Record<string, unknown>)[key] = value;
  }
  return entity;
}
