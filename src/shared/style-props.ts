/**
 * `styleProps({ height: '40px' })` on an element: sets inline style properties through the CSSOM
 * (`style.setProperty`), on the first render too, and removes the ones a later render leaves out.
 *
 * Lit's own styleMap writes its first render as a `style="…"` attribute, which a Content-Security-Policy
 * without `'unsafe-inline'` for styles refuses (a `style-src-attr` violation per element); properties set
 * through the CSSOM are not restricted. So the elements size things with this directive only.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

type StyleProperties = Readonly<Record<string, string>>;

class StylePropsDirective extends Directive {
  private previous: readonly string[] = [];

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('styleProps() belongs on an element, not in an attribute');
  }

  render(_properties: StyleProperties): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [StyleProperties]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) if (!(name in properties)) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) if (style.getPropertyValue(name) !== value) style.setProperty(name, value);
    this.previous = Object.keys(properties);
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);
