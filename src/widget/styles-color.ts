/**
 * Colour values from data-* attributes end up inside a stylesheet, so they
 * are accepted only in shapes that cannot break out of a declaration.
 */

const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
// Letters are allowed for units and `none` ("120deg", "none"); no nested parentheses, quotes, ';' or braces.
const FUNCTIONAL = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([-+0-9.%\s,/a-z]*\)$/i;
const NAMED = /^[a-z]{3,30}$/i;
const NOT_A_BRAND_COLOUR = /^(?:inherit|initial|unset|revert|currentcolor|transparent)$/i;

/** Returns the colour when it is a safe, plain CSS colour value; null otherwise. */
export function parseColor(value: string | null | undefined, supports?: (value: string) => boolean): string | null {
  if (!value) return null;
  const v = value.trim();
  if (v.length > 64) return null;
  const plain = HEX.test(v) || FUNCTIONAL.test(v) || (NAMED.test(v) && !NOT_A_BRAND_COLOUR.test(v));
  if (!plain) return null;
  if (supports && !supports(v)) return null;
  return v;
}

function hexToRgb(hex: string): [number, number, number] | null {
  if (!HEX.test(hex)) return null;
  let h = hex.slice(1);
  if (h.length <= 4) h = [...h].map((c) => c + c).join("");
  const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
  return [n(0), n(2), n(4)];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrastRatio(a: string, b: string): number | null {
  const ra = hexToRgb(a);
  const rb = hexToRgb(b);
  if (!ra || !rb) return null;
  const [hi, lo] = [luminance(ra), luminance(rb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const LIGHT_TEXT = "#ffffff";
export const DARK_TEXT = "#111827";

/**
 * Text colour for buttons filled with `background`: white unless that fails
 * WCAG AA (4.5:1) and dark text does better. Non-hex colours get white; the
 * site can set data-primary-text-color.
 */
export function readableTextOn(background: string): string {
  const light = contrastRatio(background, LIGHT_TEXT);
  const dark = contrastRatio(background, DARK_TEXT);
  if (light === null || dark === null) return LIGHT_TEXT;
  return light >= 4.5 || light >= dark ? LIGHT_TEXT : DARK_TEXT;
}
