/**
 * JSON for an inline `<script type="application/ld+json">`. `<` and `>` are escaped so text such as
 * `</script>` or `<!--` in a product title cannot end the script element; `&` and the two JavaScript
 * line terminators are escaped so the text is the same JSON whatever reads it.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A structured-data block for the page head. */
export function JsonLdScript({ data }: { data: unknown }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: jsonForScript escapes every `<`, so no text can close it.
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(data) }} />;
}
