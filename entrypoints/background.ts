import { defineBackground } from '#imports';

export default defineBackground(() => {
  // The reading path needs nothing from the background yet: the popup injects the
  // snapshot script itself. Live cleaning and the badge will live here.
});
