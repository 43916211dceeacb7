import { CONSOLE_STYLESHEET } from './console-stylesheet.js';

/** WCAG 2 relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(foreground: string, background: string): number {
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

function variable(name: string): string {
  const value = new RegExp(`--${name}:\\s*(#[0-9a-f]{6});`).exec(CONSOLE_STYLESHEET)?.[1];
  if (value === undefined) {
    throw new Error(`--${name} is not a #rrggbb colour of the stylesheet`);
  }
  return value;
}

describe('The console stylesheet', () => {
  // Every text colour on every background it is drawn on (panels: table headers and code; warnings: notices).
  it.each([
    ['text', 'white'],
    ['muted', 'white'],
    ['link', 'white'],
    ['ok', 'white'],
    ['bad', 'white'],
    ['text', 'panel'],
    ['muted', 'panel'],
    ['link', 'panel'],
    ['text', 'warn-bg'],
    ['muted', 'warn-bg'],
    ['white', 'ok'],
    ['white', 'bad'],
  ])('draws %s on %s with a contrast of at least 4.5:1 (WCAG AA)', (foreground, background) => {
    const colour = (name: string): string => (name === 'white' ? '#ffffff' : variable(name));
    expect(contrast(colour(foreground), colour(background))).toBeGreaterThanOrEqual(4.5);
  });

  it('shows where the keyboard focus is', () => {
    expect(CONSOLE_STYLESHEET).toMatch(
      /a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible[^{]*\{\s*outline: 3px solid/,
    );
  });
});
