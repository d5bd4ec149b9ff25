/**
 * Small layout pieces of the frozen stories: captioned cells in rows, in the gallery font
 * (the stage sets it). Sizes are whole CSS pixels so screenshots never straddle pixels.
 */
import type { CSSProperties, ReactNode } from 'react';

export function Row({
  children,
  gap = 16,
  align = 'flex-end',
  style,
}: {
  children: ReactNode;
  gap?: number;
  align?: CSSProperties['alignItems'];
  style?: CSSProperties;
}) {
  return <div style={{ display: 'flex', gap, alignItems: align, ...style }}>{children}</div>;
}

export function Column({ children, gap = 16, style }: { children: ReactNode; gap?: number; style?: CSSProperties }) {
  return <div style={{ display: 'flex', flexDirection: 'column', gap, alignItems: 'flex-start', ...style }}>{children}</div>;
}

/** A caption (below, or left of horizontal content) and its content. */
export function Cell({ caption, children, side = 'below', width }: { caption: string; children: ReactNode; side?: 'below' | 'left'; width?: number }) {
  const text: CSSProperties = { whiteSpace: 'nowrap', textAlign: side === 'below' ? 'center' : 'right', width: side === 'left' ? 48 : undefined };
  return side === 'below' ? (
    <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 4, width }}>
      {children}
      <div style={text}>{caption}</div>
    </div>
  ) : (
    <div style={{ display: 'flex', flexDirection: 'row', alignItems: 'center', gap: 8 }}>
      <div style={text}>{caption}</div>
      {children}
    </div>
  );
}

/** A heading line inside a stage. */
export function Title({ children }: { children: ReactNode }) {
  return <div style={{ fontSize: 12, lineHeight: '14px', opacity: 0.8 }}>{children}</div>;
}
