import { css, html, nothing, unsafeCSS, type TemplateResult } from 'lit';
import type { Member } from '../../sdk/index.js';

/** Up to two initials: "Dana Ruiz" → "DR". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? parts[parts.length - 1]![0] : '';
  return (first + (last ?? '')).toUpperCase();
}

/** A stable hue per member id, so a person keeps their colour on every card and in every list. */
export function hueOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % 360;
}

/**
 * The hue as one of HUE_STEPS classes (avatar-hue-0 …): a class, not a style attribute, so the avatar works on
 * a page whose Content-Security-Policy forbids inline styles, and a card costs no style work per render.
 */
const HUE_STEPS = 24;
const hueClass = (id: string) => `avatar-hue-${Math.round((hueOf(id) * HUE_STEPS) / 360) % HUE_STEPS}`;
const hueRules = Array.from({ length: HUE_STEPS }, (_, i) => `.avatar-hue-${i}{--_hue:${(i * 360) / HUE_STEPS}}`).join('');

/**
 * An avatar address the board may load: http(s), an inline image, or a path on the page's own origin. Any other
 * scheme (`javascript:`, `vbscript:`, `data:text/html`…) is refused — a member's profile is data from the
 * backend, not markup — and initials are shown instead. Browsers ignore leading controls and spaces in a URL
 * attribute, so they are ignored here too before the scheme is read.
 */
function imageUrl(url: string): string | null {
  const trimmed = url.replace(/^[\u0000-\u0020]+/, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed.replace(/[\t\n\r]/g, ''))?.[1]?.toLowerCase();
  if (scheme === undefined) return trimmed;
  return scheme === 'http' || scheme === 'https' || /^data:image\/(png|jpeg|gif|webp|avif);/i.test(trimmed) ? trimmed : null;
}

/**
 * The avatar shown on cards, in the drawer and in pickers: the image when the member has one, else initials
 * on a per-member colour. Decorative (aria-hidden): the name is always written next to it.
 */
export function avatar(member: AvatarMember | undefined, size: 'sm' | 'md' = 'sm'): TemplateResult {
  // One template whether or not there is a member: a recycled view (or a filter to "Unassigned") then
  // updates two values instead of swapping one template instance for another.
  return html`<span class="avatar avatar-${size} ${avatarHue(member)}" part="avatar" aria-hidden="true">${avatarFace(member)}</span>`;
}

type AvatarMember = Pick<Member, 'id' | 'name' | 'avatarUrl'>;

/**
 * The avatar's values, for markup that writes the avatar's span itself (a card does: card-dom.ts): its colour
 * class, and what it shows (avatarFace; a card reads avatarImage and initials).
 */
export const avatarHue = (member: AvatarMember | undefined): string => (member ? hueClass(member.id) : 'avatar-none');

export function avatarFace(member: AvatarMember | undefined): TemplateResult | string | typeof nothing {
  const image = member && avatarImage(member);
  return member ? (image ? html`<img src=${image} alt="" />` : initials(member.name)) : nothing;
}

/** The address of the member's image when the board may load it (see imageUrl), else null: initials instead. */
export const avatarImage = (member: AvatarMember): string | null => (member.avatarUrl ? imageUrl(member.avatarUrl) : null);

export const avatarStyles = css`
  .avatar {
    display: inline-grid;
    place-items: center;
    flex: none;
    /* Nobody's avatar (avatar-none) is drawn by its border: the same size as everyone's. */
    box-sizing: border-box;
    border-radius: 50%;
    overflow: hidden;
    font-weight: 600;
    letter-spacing: 0.02em;
    color: hsl(var(--_hue, 220) 45% 25%);
    background: hsl(var(--_hue, 220) 70% 88%);
    user-select: none;
  }
  .avatar img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .avatar-sm {
    width: 22px;
    height: 22px;
    font-size: 10px;
  }
  .avatar-md {
    width: 32px;
    height: 32px;
    font-size: 13px;
  }
  ${unsafeCSS(hueRules)}
  .avatar-none {
    background: transparent;
    border: 1.5px dashed var(--_muted);
  }
`;
