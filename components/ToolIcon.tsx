/** Line icons of the article tools, drawn like Icon.tsx's; decorative, beside words that say the same. */
const PATHS = {
  tools: 'M5 12h.01M12 12h.01M19 12h.01',
  print: 'M7 9V4h10v5M7 17H5a1 1 0 0 1-1-1v-6a1 1 0 0 1 1-1h14a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1h-2M7 14h10v6H7z',
  copy: 'M9 9h10v11H9zM5 15V4h10',
  save: 'M12 4v11M7 10l5 5 5-5M5 20h14',
  speak: 'M4 10v4h3l5 4V6L7 10H4ZM16 9a4 4 0 0 1 0 6M18.5 6.5a7.5 7.5 0 0 1 0 11',
  play: 'M8 5v14l11-7Z',
  pause: 'M8 5v14M16 5v14',
  stop: 'M6 6h12v12H6z',
} as const;

export type ToolIconName = keyof typeof PATHS;

export function ToolIcon({ name, size = 16 }: { name: ToolIconName; size?: number }) {
  return (
    <svg class={`icon icon-${name}`} width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" stroke-width={name === 'tools' ? 3 : 1.75} stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
