using System;
using System.Net;
using PSRemoteLinks.Http;
using Xunit;

namespace PSRemoteLinks.UnitTests
{
    /// <summary>Proxy choices that the engine-hosted tests cannot set up without changing the whole process's environment.</summary>
    public class HandlerFactoryTests
    {
        [Fact]
        public void NoProxy_turns_every_proxy_off_including_the_systems()
        {
            using var handler = HandlerFactory.Create(new NetworkOptions { NoProxy = true });
            Assert.False(handler.UseProxy);
        }

        [Fact]
        public void ProxyCredential_without_Proxy_goes_to_the_systems_proxy()
        {
            var credential = new NetworkCredential("corp\\svc", "pw-123456");
            using var handler = HandlerFactory.Create(new NetworkOptions { ProxyCredential = credential });

            Assert.True(handler.UseProxy);
            Assert.Null(handler.Proxy);
            Assert.Same(credential, handler.DefaultProxyCredentials);
        }

        [Fact]
        public void An_explicit_proxy_is_used_even_for_local_addresses_and_carries_its_credentials()
        {
            var credential = new NetworkCredential("corp\\svc", "pw-123456");
            using var handler = HandlerFactory.Create(new NetworkOptions { Proxy = new Uri("http://proxy.corp:3128"), ProxyCredential = credential });

            Assert.True(handler.UseProxy);
            Assert.Equal(new Uri("http://proxy.corp:3128"), handler.Proxy!.GetProxy(new Uri("http://127.0.0.1/jira")));
            Assert.False(handler.Proxy.IsBypassed(new Uri("http://localhost/jira")));
            Assert.Same(credential, handler.Proxy.Credentials);
        }

        [Fact]
        public void Redirects_are_left_to_the_pipeline()
        {
            using var handler = HandlerFactory.Create(new NetworkOptions());
            Assert.False(handler.AllowAutoRedirect);
        }
    }
}
