import { defineFilter } from './define.ts';

export const clickbaitSidebars = defineFilter({
  id: 'clickbait-sidebars',
  label: { en: 'TODO', ru: 'TODO' },
  description: { en: 'TODO', ru: 'TODO' },
  noun: { en: { one: 'item', other: 'items' }, ru: { one: 'элемент', few: 'элемента', many: 'элементов' } },
  defaultEnabled: true,
  detect() {
    return [];
  },
});
