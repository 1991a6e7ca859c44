/** Ports of the committee's web console: its accounts and its audit trail. */
package org.unionbot.core.console;
