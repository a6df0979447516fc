// First: the page is asked for while the modules below are evaluated (first-request.ts).
import { firstPageRequest, firstSettings } from './first-request.ts';
import { render } from 'preact';
import { App } from './App.tsx';
import { createPopupModel } from './model.ts';
import { createLiveModel } from './live-model.ts';
import { createReaderModel } from './reader-model.ts';
import { createToolsModel } from './tools-model.ts';
// Literata, a typeface drawn for long reading on screens, with Cyrillic: shipped with
// the extension so that the article reads the same on every system (CSP allows only
// fonts of our own origin). Only the subsets a page uses are loaded.
import '@fontsource-variable/literata/wght.css';
import '@fontsource-variable/literata/wght-italic.css';
import '../../assets/popup.css';
import '../../assets/themes.css';

const model = createPopupModel(window.location, { firstRequest: firstPageRequest, firstSettings });
const live = createLiveModel({ pageUrl: model.pageUrl, settings: model.settings });
const reader = createReaderModel();
const tools = createToolsModel(model);
render(<App model={model} live={live} reader={reader} tools={tools} />, document.getElementById('app')!);
tools.actions.start();
void reader.actions.start();
void model.actions.start();
live.actions.start();
