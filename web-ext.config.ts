import { defineWebExtConfig } from 'wxt';

// These machines have no display: `npm run dev` builds and watches without opening a browser.
export default defineWebExtConfig({ disabled: true });
