/** The embed bridge's JSON Schema (docs/embed-messages.schema.json), served with the site for host authors. */
import schema from "../../../docs/embed-messages.schema.json";

export function GET(): Response {
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, {
    headers: { "content-type": "application/schema+json; charset=utf-8" },
  });
}
