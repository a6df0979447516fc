/**
 * Unit tests run the annotator as the popup does: with the whole official lists loaded
 * (utils/cleaner/annotate/official-lists.ts), which the popup loads while it asks for the page.
 */
import { loadOfficialLists } from '../utils/cleaner/annotate/official-lists.ts';

await loadOfficialLists();
