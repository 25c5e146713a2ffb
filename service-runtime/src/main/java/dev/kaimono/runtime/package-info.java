/** How every Kaimono service runs: operational defaults shared by all services. */
package dev.kaimono.runtime;
