import { Tag } from 'antd';
import type { ReactNode } from 'react';

/**
 * Tags in explicit colours: antd's preset tag colours put mid-tone text on a pale ground, below
 * WCAG AA's 4.5:1 (axe: color-contrast). Dark text on a pale ground of the same hue passes, and
 * the words carry the meaning anyway.
 */
export type Tone = 'green' | 'blue' | 'gold' | 'red' | 'grey';

const TONES: Record<Tone, { color: string; background: string; borderColor: string }> = {
  green: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  blue: { color: '#002c8c', background: '#e6f4ff', borderColor: '#91caff' },
  gold: { color: '#5c3200', background: '#fffbe6', borderColor: '#ffd666' },
  red: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' },
  grey: { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9' },
};

export function ToneTag({
  tone,
  icon,
  children,
}: {
  tone: Tone;
  icon?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Tag icon={icon} style={TONES[tone]}>
      {children}
    </Tag>
  );
}
