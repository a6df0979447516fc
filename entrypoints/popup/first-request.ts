/**
 * The popup's first request for the page, sent while the rest of the popup is still being
 * evaluated. ES modules run in import order, and main.tsx imports this one first: the
 * browser then takes the snapshot in the page's process while this one builds the cleaner,
 * Preact and the view, instead of after them. Only the request's own code and the settings
 * module (with the filter registry it checks settings against) are evaluated before it.
 */
import { loadSettings } from '../../utils/settings.ts';
import { requestPage, requestedTabId } from './page-request.ts';

export const firstPageRequest = requestPage(requestedTabId(window.location.search));
/** The clean waits for the settings (they pick the filters), so they are read as early. */
export const firstSettings = loadSettings();
