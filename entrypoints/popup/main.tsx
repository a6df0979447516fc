import { render } from 'preact';
import { App } from './App.tsx';
import { createPopupModel } from './model.ts';
import '../../assets/popup.css';

const model = createPopupModel();
render(<App model={model} />, document.getElementById('app')!);
void model.actions.start();
