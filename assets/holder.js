/*
 * The browser half of components/holder.py: a Dash component that holds a value in Dash's
 * state and draws nothing.
 */
window.referral_parts = {Holder: function Holder() { return null; }};
