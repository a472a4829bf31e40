/**
 * An action's answer already serialized (issue #21): a read whose answer is stored as JSON
 * (package_show's stored dict) hands the API its text, which is sent as it is instead of being
 * parsed and serialized again on every call. `summary` holds the few fields observers of the
 * answer read (the API-use counter reads `id`).
 */
export class JsonText {
  constructor(
    readonly text: string,
    readonly summary: Record<string, unknown>,
  ) {}
}
