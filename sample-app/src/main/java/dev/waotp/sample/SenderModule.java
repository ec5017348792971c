package dev.waotp.sample;

import dagger.Binds;
import dagger.Module;

/** The one line of glue DI needs: the interface is served by its generated class. */
@Module
interface SenderModule {
    @Binds
    LoginCode loginCode(LoginCodeImpl generated);
}
