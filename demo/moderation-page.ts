// The moderation console at /admin/ (demo/admin/index.html), from src/ like every demo page.
import '../src/moderation.js';
