/** The public API of the elements as custom-elements.json describes it (see manifest-api.mjs). */
export interface ManifestItem {
  name: string;
  description?: string;
  summary?: string;
  type?: { text: string };
  default?: string;
  fieldName?: string;
  attribute?: string;
  parameters?: { name: string; type?: { text: string }; description?: string; optional?: boolean }[];
  return?: { type?: { text: string } };
}
export interface ElementApi {
  name: string;
  tagName: string;
  summary: string;
  description: string;
  attributes: ManifestItem[];
  properties: ManifestItem[];
  methods: ManifestItem[];
  events: (ManifestItem & { className: string })[];
  slots: ManifestItem[];
  cssParts: ManifestItem[];
  cssProperties: ManifestItem[];
}
export function publicElements(manifest: unknown): ElementApi[];
