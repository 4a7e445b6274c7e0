/** EventBridge schedules run locally: rate and cron expressions in UTC and the scheduler that fires them. */
package dev.fnbundle.local.schedule;
