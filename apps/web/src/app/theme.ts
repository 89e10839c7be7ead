import type { ThemeConfig } from 'antd';

/**
 * Colours darker than antd's defaults, so that white text on buttons and coloured tags reaches
 * WCAG AA's 4.5:1 (axe's color-contrast rule).
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorSuccess: '#237804',
    colorWarning: '#ad6800',
    colorError: '#cf1322',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
    borderRadius: 6,
  },
};

/**
 * The theme for a person who asked their system for less motion: popups, drawers and messages
 * appear at once instead of zooming or sliding in (WCAG 2.3.3).
 */
export function themeFor(reducedMotion: boolean): ThemeConfig {
  return reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme;
}
