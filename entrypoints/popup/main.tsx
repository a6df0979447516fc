import { render } from 'preact';
import { App } from './App.tsx';
import { createPopupModel } from './model.ts';
// Literata, a typeface drawn for long reading on screens, with Cyrillic: shipped with
// the extension so that the article reads the same on every system (CSP allows only
// fonts of our own origin). Only the subsets a page uses are loaded.
import '@fontsource-variable/literata/wght.css';
import '@fontsource-variable/literata/wght-italic.css';
import '../../assets/popup.css';

const model = createPopupModel();
render(<App model={model} />, document.getElementById('app')!);
void model.actions.start();
