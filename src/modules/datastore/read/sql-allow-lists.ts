/**
 * What `datastore_search_sql` lets through (see sql-check.ts). Everything not named here is
 * refused, so a node type or function PostgreSQL adds later is refused too.
 */

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Expression and clause node types a SELECT may contain. */
export const ALLOWED_NODES = words(`
  SelectStmt ResTarget ColumnRef A_Star A_Const A_Expr A_ArrayExpr A_Indirection A_Indices
  BoolExpr NullTest BooleanTest CaseExpr CaseWhen CoalesceExpr MinMaxExpr NullIfExpr RowExpr
  SubLink TypeCast TypeName CollateClause FuncCall SQLValueFunction SortBy WindowDef GroupingSet
  JoinExpr RangeSubselect RangeVar CommonTableExpr WithClause List String Integer Float Boolean
  BitString Alias`);

/**
 * Functions a query may call: aggregates, window functions, maths, text, dates and text search.
 * No I/O, no sleep, no settings, no catalog lookups, no set-returning generators.
 */
export const ALLOWED_FUNCTIONS = words(`
  count sum avg min max stddev stddev_pop stddev_samp variance var_pop var_samp string_agg
  array_agg bool_and bool_or every percentile_cont percentile_disc mode corr covar_pop covar_samp
  regr_slope regr_intercept
  row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value
  abs round ceil ceiling floor trunc sqrt cbrt power pow exp ln log log10 mod sign div greatest
  least width_bucket
  lower upper initcap length char_length character_length octet_length substring substr trim
  btrim ltrim rtrim replace concat concat_ws left right position strpos split_part lpad rpad
  starts_with reverse translate to_char to_number to_date to_timestamp unaccent
  date_part date_trunc extract make_date age now justify_days
  to_tsvector to_tsquery plainto_tsquery websearch_to_tsquery ts_rank
  nullif coalesce array_length cardinality`);

/**
 * Functions whose result can be far larger than the query that asks for it (a 30-character
 * `lpad('', 50000000, 'ab')` builds 50 MB): the argument at position `arg` (from 0) must be a
 * constant of at most `max` (an integer, or characters of text). `format` is not allowed at all:
 * its width (`%50000000s`) pads the same way.
 */
export const BOUNDED_ARGUMENTS: Readonly<Record<string, { arg: number; max: number }>> = {
  lpad: { arg: 1, max: 1000 },
  rpad: { arg: 1, max: 1000 },
  replace: { arg: 2, max: 100 },
  string_agg: { arg: 1, max: 100 },
};

/** Types a value may be cast to (no reg* types: they look names up in the catalogs). */
export const ALLOWED_TYPES = words(`
  int2 int4 int8 smallint integer int bigint numeric decimal float4 float8 real text varchar
  bpchar char date timestamp timestamptz time interval bool boolean regconfig`);

/** SQL value functions without a catalog or session read (no current_user, current_schema…). */
export const SAFE_VALUE_FUNCTIONS =
  /^SVFOP_(CURRENT_DATE|CURRENT_TIME|CURRENT_TIMESTAMP|LOCALTIME|LOCALTIMESTAMP)(_N)?$/;
