/** AWS SDK clients configured from the environment, identically in AWS and locally. */
package dev.fnbundle.common.aws;
