/**
 * Structural checks of a Frictionless Data Package (v2: datapackage.org/standard), written from the spec
 * for the properties this site uses: returns one message per violation, empty when the package is valid.
 */
const NAME = /^[a-z0-9._-]+$/;
const FIELD_TYPES = new Set([
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'list',
  'date',
  'time',
  'datetime',
  'year',
  'yearmonth',
  'duration',
  'geopoint',
  'geojson',
  'any',
]);
const CONSTRAINTS = new Set([
  'required',
  'unique',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'enum',
  'jsonSchema',
]);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkDataPackage(pkg: unknown): string[] {
  const errors: string[] = [];
  const fail = (where: string, what: string) => errors.push(`${where}: ${what}`);
  if (!isObject(pkg)) return ['package: must be an object'];
  if (pkg.$schema !== undefined && typeof pkg.$schema !== 'string')
    fail('package.$schema', 'must be a string');
  if (pkg.name !== undefined && (typeof pkg.name !== 'string' || !NAME.test(pkg.name)))
    fail('package.name', 'lower-case letters, digits, . - _');
  for (const key of ['title', 'description', 'homepage', 'version', 'created']) {
    if (pkg[key] !== undefined && typeof pkg[key] !== 'string') fail(`package.${key}`, 'must be a string');
  }
  if (typeof pkg.created === 'string' && Number.isNaN(Date.parse(pkg.created)))
    fail('package.created', 'must be an ISO 8601 date-time');
  if (
    pkg.sources !== undefined &&
    (!Array.isArray(pkg.sources) || !pkg.sources.every((s) => isObject(s) && typeof s.title === 'string'))
  )
    fail('package.sources', 'array of objects with a title');
  if (!Array.isArray(pkg.resources) || pkg.resources.length === 0)
    return [...errors, 'package.resources: must be a non-empty array'];
  const names = new Set<string>();
  pkg.resources.forEach((r, i) => {
    const where = `resources[${i}]`;
    if (!isObject(r)) return fail(where, 'must be an object');
    if (typeof r.name !== 'string' || !NAME.test(r.name))
      fail(`${where}.name`, 'required; lower-case letters, digits, . - _');
    else if (names.has(r.name)) fail(`${where}.name`, 'must be unique');
    else names.add(r.name);
    if ((r.path === undefined) === (r.data === undefined)) fail(where, 'exactly one of path and data');
    const paths = r.path === undefined ? [] : Array.isArray(r.path) ? r.path : [r.path];
    for (const p of paths) {
      if (
        typeof p !== 'string' ||
        p.startsWith('/') ||
        p.split('/').includes('..') ||
        (/^[a-z]+:/i.test(p) && !/^https?:\/\//.test(p))
      )
        fail(`${where}.path`, 'a relative POSIX path or URL');
    }
    if (r.bytes !== undefined && !(Number.isInteger(r.bytes) && (r.bytes as number) >= 0))
      fail(`${where}.bytes`, 'non-negative integer');
    if (r.hash !== undefined && !(typeof r.hash === 'string' && /^([a-z0-9]+:)?[0-9a-f]+$/.test(r.hash)))
      fail(`${where}.hash`, '[algorithm:]hex');
    if (
      r.mediatype !== undefined &&
      !(typeof r.mediatype === 'string' && /^[\w.+-]+\/[\w.+-]+$/.test(r.mediatype))
    )
      fail(`${where}.mediatype`, 'a media type');
    for (const key of ['format', 'encoding', 'title', 'description'])
      if (r[key] !== undefined && typeof r[key] !== 'string') fail(`${where}.${key}`, 'must be a string');
    if (r.type !== undefined && r.type !== 'table') fail(`${where}.type`, 'only "table" is defined');
    if (r.type === 'table' && !isObject(r.schema)) fail(`${where}.schema`, 'a table resource needs a schema');
    if (isObject(r.dialect)) {
      const d = r.dialect;
      if (d.header !== undefined && typeof d.header !== 'boolean') fail(`${where}.dialect.header`, 'boolean');
      for (const key of ['delimiter', 'quoteChar'])
        if (d[key] !== undefined && !(typeof d[key] === 'string' && (d[key] as string).length === 1))
          fail(`${where}.dialect.${key}`, 'one character');
      if (d.lineTerminator !== undefined && typeof d.lineTerminator !== 'string')
        fail(`${where}.dialect.lineTerminator`, 'string');
    }
    if (isObject(r.schema)) errors.push(...checkTableSchema(r.schema).map((e) => `${where}.schema.${e}`));
  });
  return errors;
}

function checkTableSchema(schema: Json): string[] {
  const errors: string[] = [];
  if (!Array.isArray(schema.fields) || schema.fields.length === 0) return ['fields: non-empty array'];
  const names: string[] = [];
  schema.fields.forEach((f, i) => {
    if (!isObject(f) || typeof f.name !== 'string' || f.name === '')
      return errors.push(`fields[${i}].name: required string`);
    if (names.includes(f.name)) errors.push(`fields[${i}].name: must be unique`);
    names.push(f.name);
    if (f.type !== undefined && !FIELD_TYPES.has(f.type as string))
      errors.push(`fields[${i}].type: unknown type ${String(f.type)}`);
    for (const key of ['trueValues', 'falseValues']) {
      if (
        f[key] !== undefined &&
        (f.type !== 'boolean' ||
          !Array.isArray(f[key]) ||
          !(f[key] as unknown[]).every((v) => typeof v === 'string'))
      )
        errors.push(`fields[${i}].${key}: array of strings on a boolean field`);
    }
    if (f.constraints !== undefined) {
      if (!isObject(f.constraints)) return errors.push(`fields[${i}].constraints: object`);
      for (const [key, value] of Object.entries(f.constraints)) {
        if (!CONSTRAINTS.has(key)) errors.push(`fields[${i}].constraints.${key}: unknown constraint`);
        if (key === 'required' && typeof value !== 'boolean')
          errors.push(`fields[${i}].constraints.required: boolean`);
        if (
          key === 'enum' &&
          !(Array.isArray(value) && value.length > 0 && new Set(value).size === value.length)
        )
          errors.push(`fields[${i}].constraints.enum: non-empty array of unique values`);
        if (['minimum', 'maximum'].includes(key) && !['integer', 'number'].includes(f.type as string))
          errors.push(`fields[${i}].constraints.${key}: only on numeric fields here`);
        if (
          key === 'pattern' &&
          (typeof value !== 'string' ||
            !(() => {
              try {
                new RegExp(value);
                return true;
              } catch {
                return false;
              }
            })())
        )
          errors.push(`fields[${i}].constraints.pattern: a regular expression`);
      }
    }
  });
  const keyList = (v: unknown) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v : undefined);
  if (schema.primaryKey !== undefined) {
    const keys = keyList(schema.primaryKey);
    if (!keys || !keys.every((k) => names.includes(k as string)))
      errors.push('primaryKey: field names of this schema');
  }
  if (schema.uniqueKeys !== undefined) {
    if (
      !Array.isArray(schema.uniqueKeys) ||
      !schema.uniqueKeys.every((u) => keyList(u)?.every((k) => names.includes(k as string)))
    )
      errors.push('uniqueKeys: arrays of field names of this schema');
  }
  if (
    schema.missingValues !== undefined &&
    !(Array.isArray(schema.missingValues) && schema.missingValues.every((v) => typeof v === 'string'))
  )
    errors.push('missingValues: array of strings');
  return errors;
}

/** Checks one CSV's rows (header excluded) against a Table Schema's fields and keys, as a Frictionless validator would. */
export function checkRows(
  schema: { fields: Json[]; primaryKey?: string[]; uniqueKeys?: string[][]; missingValues?: string[] },
  header: string[],
  rows: string[][],
): string[] {
  const errors: string[] = [];
  const missing = new Set(schema.missingValues ?? ['']);
  rows.forEach((row, r) => {
    schema.fields.forEach((f, c) => {
      const v = row[c] ?? '';
      const where = `row ${r + 2} ${String(f.name)} "${v}"`;
      const k = (f.constraints ?? {}) as Json;
      if (missing.has(v)) {
        if (k.required) errors.push(`${where}: required`);
        return;
      }
      let n: number | undefined;
      if (f.type === 'integer' && !/^-?\d+$/.test(v)) errors.push(`${where}: not an integer`);
      if (f.type === 'integer' || f.type === 'number') {
        n = Number(v);
        if (Number.isNaN(n)) errors.push(`${where}: not a number`);
      }
      if (
        f.type === 'boolean' &&
        ![...(f.trueValues as string[]), ...(f.falseValues as string[])].includes(v)
      )
        errors.push(`${where}: not a boolean value`);
      if (k.enum && !(k.enum as string[]).includes(v)) errors.push(`${where}: not in enum`);
      if (k.pattern && !new RegExp(`^(?:${k.pattern as string})$`).test(v))
        errors.push(`${where}: does not match pattern`);
      if (n !== undefined && k.minimum !== undefined && n < (k.minimum as number))
        errors.push(`${where}: below minimum`);
      if (n !== undefined && k.maximum !== undefined && n > (k.maximum as number))
        errors.push(`${where}: above maximum`);
      if (f.format === 'uri' && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(v)) errors.push(`${where}: not a URI`);
    });
  });
  for (const key of [schema.primaryKey ?? [], ...(schema.uniqueKeys ?? [])]) {
    if (key.length === 0) continue;
    const idx = key.map((name) => header.indexOf(name));
    const seen = new Set<string>();
    for (const row of rows) {
      const value = JSON.stringify(idx.map((i) => row[i]));
      if (seen.has(value)) errors.push(`key ${key.join('+')} repeated: ${value}`);
      seen.add(value);
    }
  }
  return errors;
}
