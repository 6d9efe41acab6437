-- Erasure's redaction inside JSON (src/platform/personal-data/redaction.ts): every string value of
-- a document, at any depth, loses what matches the pattern; keys, numbers, booleans and the shape
-- stay, so the result is always valid JSON.
CREATE OR REPLACE FUNCTION personal_data_redacted(value jsonb, pattern text, replacement text)
RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
AS $$
BEGIN
  RETURN CASE jsonb_typeof(value)
    WHEN 'string' THEN to_jsonb(regexp_replace(value #>> '{}', pattern, replacement, 'gi'))
    WHEN 'array' THEN coalesce(
      (SELECT jsonb_agg(personal_data_redacted(e, pattern, replacement) ORDER BY i)
       FROM jsonb_array_elements(value) WITH ORDINALITY AS t(e, i)),
      '[]'::jsonb)
    WHEN 'object' THEN coalesce(
      (SELECT jsonb_object_agg(k, personal_data_redacted(v, pattern, replacement))
       FROM jsonb_each(value) AS t(k, v)),
      '{}'::jsonb)
    ELSE value
  END;
END;
$$;
