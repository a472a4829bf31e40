import { parse } from 'libpg-query';
import { type Bilingual, ValidationError } from '../../../kernel/errors.js';
import {
  ALLOWED_FUNCTIONS,
  ALLOWED_NODES,
  ALLOWED_TYPES,
  BOUNDED_ARGUMENTS,
  SAFE_VALUE_FUNCTIONS,
} from './sql-allow-lists.js';

/**
 * The checker of `datastore_search_sql`: PostgreSQL's own parser (libpg-query) reads the query,
 * and a walk over its AST lets through only what a read over public tables needs. Everything not
 * named here is refused, so a node type PostgreSQL adds later is refused too.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One reference to a resource's table: where its name sits in the query text (bytes). */
export interface TableReference {
  resourceId: string;
  /** Byte offset of the quoted name in the UTF-8 query. */
  location: number;
  hasAlias: boolean;
}

export interface CheckedSql {
  /** The statement alone (no trailing semicolon), as the caller wrote it. */
  statement: string;
  references: TableReference[];
  /** Every column name the query mentions (ColumnRef parts), for the classification check. */
  columnNames: Set<string>;
}

export function refused(text: Bilingual): ValidationError {
  return new ValidationError({ sql: [text] }, text);
}

const PREFIX = { id: 'Kueri ditolak', en: 'Query refused' };
const refuse = (id: string, en: string) => refused({ id: `${PREFIX.id}: ${id}`, en: `${PREFIX.en}: ${en}` });

type Json = unknown;
type Scope = ReadonlySet<string>;

function names(list: Json): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((n) => {
    const s = (n as { String?: { sval?: string } }).String?.sval;
    if (typeof s !== 'string') throw refuse('nama tidak dikenal', 'unexpected name');
    return s;
  });
}

/** The size a constant argument stands for: an integer's value, a text's length; else null. */
function constantSize(arg: Json): number | null {
  const c = (arg as { A_Const?: { ival?: { ival?: number }; sval?: { sval?: string } } }).A_Const;
  if (c?.ival) return c.ival.ival ?? 0; // protobuf leaves out a zero
  if (c?.sval) return (c.sval.sval ?? '').length;
  return null;
}

/** `lpad(s, n)` and the like: the growing argument must be a constant within BOUNDED_ARGUMENTS. */
function checkBoundedArgument(fn: string, args: Json): void {
  const bound = BOUNDED_ARGUMENTS[fn];
  if (!bound || !Array.isArray(args) || args.length <= bound.arg) return;
  const size = constantSize(args[bound.arg]);
  if (size === null || size > bound.max)
    throw refuse(
      `argumen ke-${bound.arg + 1} ${fn} harus berupa konstanta paling besar ${bound.max}`,
      `argument ${bound.arg + 1} of ${fn} must be a constant of at most ${bound.max}`,
    );
}

class Walker {
  readonly references: TableReference[] = [];
  /** Alias names (datastore_create `aliases`) the caller's query may name as tables. */
  constructor(private readonly aliases: ReadonlySet<string> = new Set()) {}
  readonly columnNames = new Set<string>();

  /** A wrapped node `{ NodeType: {...} }` or a plain field value. */
  walk(v: Json, scope: Scope): void {
    if (Array.isArray(v)) {
      for (const x of v) this.walk(x, scope);
      return;
    }
    if (!v || typeof v !== 'object') return;
    const obj = v as Record<string, Json>;
    if ('relname' in obj)
      throw refuse('rujukan tabel di tempat tak terduga', 'table reference in an unexpected place');
    // TypeCast carries its TypeName inline (`typeName: { names, typemod }`), not wrapped.
    if ('names' in obj && 'typemod' in obj) {
      this.node('TypeName', obj, scope);
      return;
    }
    for (const [key, value] of Object.entries(obj)) {
      if (/^[A-Z]/.test(key)) this.node(key, value as Record<string, Json>, scope);
      else this.walk(value, scope);
    }
  }

  node(type: string, n: Record<string, Json>, scope: Scope): void {
    if (!ALLOWED_NODES.has(type))
      throw refuse(`bagian "${type}" tidak diizinkan`, `"${type}" is not allowed (only a plain SELECT)`);
    switch (type) {
      case 'SelectStmt':
        this.select(n, scope);
        return;
      case 'RangeVar':
        this.rangeVar(n, scope);
        return;
      case 'FuncCall': {
        const fn = names(n.funcname);
        const [schema, name] = fn.length === 2 ? fn : [undefined, fn[0]];
        if (
          fn.length > 2 ||
          (schema !== undefined && schema !== 'pg_catalog') ||
          !name ||
          !ALLOWED_FUNCTIONS.has(name.toLowerCase())
        )
          throw refuse(
            `fungsi "${fn.join('.')}" tidak diizinkan`,
            `function "${fn.join('.')}" is not allowed`,
          );
        checkBoundedArgument(name.toLowerCase(), n.args);
        // Arguments, filter, over, order: walk the rest.
        const { funcname: _f, ...rest } = n;
        this.walk(rest, scope);
        return;
      }
      case 'TypeName': {
        const tn = names(n.names);
        const [schema, name] = tn.length === 2 ? tn : [undefined, tn[0]];
        if (
          tn.length > 2 ||
          (schema !== undefined && schema !== 'pg_catalog') ||
          !name ||
          !ALLOWED_TYPES.has(name.toLowerCase())
        )
          throw refuse(`tipe "${tn.join('.')}" tidak diizinkan`, `type "${tn.join('.')}" is not allowed`);
        const { names: _n, ...rest } = n;
        this.walk(rest, scope);
        return;
      }
      case 'A_Expr': {
        if (names(n.name).length > 1)
          throw refuse(
            'operator berkualifikasi skema tidak diizinkan',
            'schema-qualified operators are not allowed',
          );
        const { name: _n, ...rest } = n;
        this.walk(rest, scope);
        return;
      }
      case 'SQLValueFunction':
        if (typeof n.op !== 'string' || !SAFE_VALUE_FUNCTIONS.test(n.op))
          throw refuse('fungsi nilai sistem tidak diizinkan', 'system value functions are not allowed');
        return;
      case 'ColumnRef':
        for (const f of (n.fields as Json[]) ?? []) {
          const s = (f as { String?: { sval?: string } }).String?.sval;
          if (typeof s === 'string') this.columnNames.add(s);
        }
        this.walk(n.fields, scope);
        return;
      default:
        this.walk(n, scope);
        return;
    }
  }

  select(n: Record<string, Json>, outer: Scope): void {
    if (n.intoClause) throw refuse('SELECT INTO tidak diizinkan', 'SELECT INTO is not allowed');
    if (n.lockingClause) throw refuse('FOR UPDATE/SHARE tidak diizinkan', 'FOR UPDATE/SHARE is not allowed');
    let scope = outer;
    const { withClause, larg, rarg, ...rest } = n;
    if (withClause) {
      const w = withClause as { ctes?: Json[]; recursive?: boolean };
      // A recursive CTE can run forever; PGlite has no statement timeout to stop it.
      if (w.recursive) throw refuse('WITH RECURSIVE tidak diizinkan', 'WITH RECURSIVE is not allowed');
      const inner = new Set(outer);
      for (const c of w.ctes ?? []) {
        const cte = (c as { CommonTableExpr?: Record<string, Json> }).CommonTableExpr;
        if (!cte || typeof cte.ctename !== 'string') throw refuse('WITH tidak dikenal', 'unexpected WITH');
        // A CTE sees only the ones before it; a later name would resolve to a real table.
        this.walk(cte.ctequery, new Set(inner));
        const { ctequery: _q, ctename: _n, ...other } = cte;
        this.walk(other, new Set(inner));
        inner.add(cte.ctename);
      }
      scope = inner;
    }
    if (larg) this.select(larg as Record<string, Json>, scope);
    if (rarg) this.select(rarg as Record<string, Json>, scope);
    this.walk(rest, scope);
  }

  rangeVar(n: Record<string, Json>, scope: Scope): void {
    const rel = n.relname;
    if (typeof rel !== 'string') throw refuse('tabel tidak dikenal', 'unexpected table');
    if (n.schemaname !== undefined || n.catalogname !== undefined)
      throw refuse(
        `skema lain tidak diizinkan ("${String(n.schemaname)}.${rel}"); tulis id sumber daya sebagai nama tabel`,
        `other schemas are not allowed ("${String(n.schemaname)}.${rel}"); use the resource id as the table name`,
      );
    if (n.inh !== true) throw refuse('ONLY tidak diizinkan', 'ONLY is not allowed');
    if (scope.has(rel)) {
      if (n.alias) this.walk(n.alias, scope);
      return;
    }
    if (!UUID.test(rel) && !this.aliases.has(rel))
      throw refuse(
        `tabel "${rel}" tidak diizinkan; tulis id sumber daya dalam tanda kutip ganda, misalnya "…-…"`,
        `table "${rel}" is not allowed; name a resource by its id in double quotes`,
      );
    if (typeof n.location !== 'number')
      throw refuse('posisi tabel tidak diketahui', 'unknown table position');
    this.references.push({ resourceId: rel, location: n.location, hasAlias: n.alias !== undefined });
  }
}

/**
 * Parse and check one SELECT. Refuses (ValidationError on `sql`, bilingual) anything else:
 * several statements, writes, DDL, SELECT INTO, locking, other schemas and system catalogs,
 * functions and casts outside the allow-lists, recursive CTEs.
 */
export async function checkSql(query: string, aliases?: ReadonlySet<string>): Promise<CheckedSql> {
  let ast: { stmts?: { stmt?: Record<string, Json> }[] };
  try {
    ast = (await parse(query)) as typeof ast;
  } catch (err) {
    const msg = (err as Error).message.slice(0, 200);
    throw refused({ id: `Kueri SQL tidak dapat dibaca: ${msg}`, en: `Cannot parse the SQL query: ${msg}` });
  }
  const stmts = ast.stmts ?? [];
  if (stmts.length !== 1)
    throw refuse('harus tepat satu pernyataan SELECT', 'exactly one SELECT statement is required');
  const first = stmts[0] as { stmt?: Record<string, Json>; stmt_location?: number; stmt_len?: number };
  const stmt = first.stmt ?? {};
  const [type] = Object.keys(stmt);
  if (type !== 'SelectStmt' || Object.keys(stmt).length !== 1)
    throw refuse(`hanya SELECT, bukan ${type ?? '?'}`, `only SELECT is allowed, not ${type ?? '?'}`);
  const w = new Walker(aliases);
  w.select(stmt.SelectStmt as Record<string, Json>, new Set());
  const bytes = Buffer.from(query, 'utf8');
  const start = first.stmt_location ?? 0;
  const end = first.stmt_len ? start + first.stmt_len : bytes.length;
  // Locations stay byte offsets into the whole query; the statement is cut out after rewriting.
  return {
    statement: bytes.subarray(0, end).toString('utf8'),
    references: w.references.filter((r) => r.location >= start),
    columnNames: w.columnNames,
  };
}

/**
 * Replace each resource reference (a quoted id) by `replacement(ref)` — a parenthesised subquery
 * over the version table — keeping the resource id as the alias when the query gave none.
 */
export function rewriteReferences(
  query: string,
  refs: TableReference[],
  replacement: (r: TableReference) => string,
): string {
  const bytes = Buffer.from(query, 'utf8');
  const sorted = [...refs].sort((a, b) => a.location - b.location);
  const parts: Buffer[] = [];
  let at = 0;
  for (const r of sorted) {
    const token = `"${r.resourceId}"`;
    if (bytes.subarray(r.location, r.location + token.length).toString('utf8') !== token)
      throw refuse(
        `tulis id sumber daya dalam tanda kutip ganda dan huruf kecil: ${token}`,
        `write the resource id in double quotes and lower case: ${token}`,
      );
    parts.push(bytes.subarray(at, r.location));
    parts.push(Buffer.from(r.hasAlias ? replacement(r) : `${replacement(r)} as ${token}`, 'utf8'));
    at = r.location + token.length;
  }
  parts.push(bytes.subarray(at));
  return Buffer.concat(parts).toString('utf8');
}
