/** Registers a tag once: loading the library twice (two bundles, HMR) must not throw. */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
