import { render } from 'preact';
import { OptionsPage } from '../../components/OptionsPage.tsx';
import { t } from '../../utils/i18n.ts';
import { createOptionsModel } from './model.ts';
import '@fontsource-variable/literata/wght.css';
import '../../assets/popup.css';
import '../../assets/themes.css';
import './options.css';

const model = createOptionsModel();
document.documentElement.lang = model.lang.value;
document.title = t(model.lang.value, 'optionsTitle');
render(<OptionsPage model={model} />, document.getElementById('app')!);
void model.actions.start();
