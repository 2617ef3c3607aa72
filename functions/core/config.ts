/**
 * Environment, read and checked once per container. A missing setting fails the
 * cold start with a message that names it, instead of a confusing error later.
 */
const read = (name: string): string | undefined => {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
};

export const requireEnv = (name: string, purpose: string): string => {
  const value = read(name);
  if (value === undefined) throw new Error(`Environment variable ${name} is not set (${purpose}).`);
  return value;
};

export const optionalEnv = (name: string): string | undefined => read(name);
