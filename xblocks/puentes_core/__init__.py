"""Small pieces every Puentes XBlock shares: who is asking, JSON handlers, i18n, rendering, sanitising."""
